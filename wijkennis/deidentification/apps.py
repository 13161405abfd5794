from django.apps import AppConfig


class DeidentificationConfig(AppConfig):
    name = "wijkennis.deidentification"
    label = "deidentification"
    verbose_name = "De-identificatie"
    # No models: the app only provides the engine and a management command.
    # Deduce is NOT loaded in ready(): it costs ~1 GB RAM and seconds of start-up,
    # so it is loaded lazily on first use (see engine.get_deducer).
