from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("wijkennis.core.urls")),
    path("account/tweestapsverificatie/", include("wijkennis.twofactor.urls")),
    path("account/", include("wijkennis.accounts.urls")),
    path("verhalen/", include("wijkennis.stories.urls")),
    path("zoeken/", include("wijkennis.search.urls")),
    path("taalbrug/", include("wijkennis.taalbrug.urls")),
    path("taal/", include("wijkennis.vocabulary.urls")),
    path("wij-kennis/", include("wijkennis.knowledge.urls")),
    path("kwartiermaken/", include("wijkennis.readiness.urls")),
    path("kwartiermaken/inzetplan/", include("wijkennis.deployment.urls")),
    path("kwartiermaken/functie/", include("wijkennis.jobs.urls")),
    path("trajecten/", include("wijkennis.trajectories.urls")),
    path("inbreng/", include("wijkennis.inbreng.urls")),
    path("dashboard/", include("wijkennis.dashboards.urls")),
    path("intervisie/", include("wijkennis.intervision.urls")),
    path("opleidingen/", include("wijkennis.trainings.urls")),
    path("verwijzen/", include("wijkennis.referrals.urls")),
    path("uitnodigingen/", include("wijkennis.invitations.urls")),
    path("sso/", include("wijkennis.sso.urls")),
    path("hulp/", include("wijkennis.help.urls")),
    path("mijn-gegevens/", include("wijkennis.mydata.urls")),
    path("api/", include("wijkennis.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]
