"""De-identification of experience stories (Dutch, social domain).

The public interface lives in :mod:`wijkennis.deidentification.engine`.
"""
