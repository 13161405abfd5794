"""JSON API: the same reads (visible_to) and writes (stories.services) as the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from wijkennis.organisations.models import STORY_WRITER_ROLES, Organisation
from wijkennis.search.queries import search_stories
from wijkennis.stories import services
from wijkennis.stories.models import TEXT_FIELDS, Status, Story
from wijkennis.vocabulary.models import Concept

from .pagination import PublishedStoryPagination
from .serializers import (
    ConceptSerializer,
    DraftSerializer,
    OwnStorySerializer,
    PublishSerializer,
    SearchHitSerializer,
    StorySerializer,
)

ID_PATTERN = r"[0-9]{1,18}"  # keeps absurd ids a 404 instead of an integer overflow

SEARCH_PAGE = inline_serializer(
    "SearchPage",
    {
        "query": serializers.CharField(),
        "total": serializers.IntegerField(),
        "total_capped": serializers.BooleanField(help_text="there are more results than total"),
        "page": serializers.IntegerField(),
        "pages": serializers.IntegerField(),
        "suggestion": serializers.CharField(),
        "results": SearchHitSerializer(many=True),
    },
)


def _django_errors(error: DjangoValidationError) -> ValidationError:
    return ValidationError({"detail": error.messages})


class StoryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Experience stories. Readers get the published, de-identified version only."""

    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    serializer_class = StorySerializer
    pagination_class = PublishedStoryPagination
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        stories = (
            Story.objects.visible_to(self.request.user)
            .with_published_text()
            .select_related("organisation", "current_version")
            # The author's own list entry shows the de-identified text too: no originals.
            .defer(*(f"current_version__original_{field}" for field in TEXT_FIELDS))
            .prefetch_related("concepts")
            .order_by("-published_at", "-pk")
        )
        # The list is what is shared; an author opens her own drafts one by one.
        return stories.filter(status=Status.PUBLISHED) if self.action == "list" else stories

    def _own(self, pk) -> Story:
        return get_object_or_404(Story.objects.owned_by(self.request.user), pk=pk)

    def _as_author(self, story: Story, code=status.HTTP_200_OK) -> Response:
        return Response(OwnStorySerializer(story, context={"request": self.request}).data, code)

    @extend_schema(summary="Published stories you may read, newest first")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="One story (the author also gets the de-identification spans)")
    def retrieve(self, request, *args, **kwargs):
        story = self.get_object()
        if story.author_id == request.user.pk:
            return self._as_author(story)
        return Response(self.get_serializer(story).data)

    @extend_schema(
        summary="Search in everyday language",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, required=True, description="search words"),
            OpenApiParameter("concept", OpenApiTypes.STR, many=True, description="concept slug"),
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1, "maximum": 10_000},
                description="page number",
            ),
        ],
        responses=SEARCH_PAGE,
    )
    @action(detail=False, methods=["get"])
    def search(self, request, format=None):
        if "q" not in request.query_params:
            raise ValidationError({"q": ["Vul een of meer zoekwoorden in."]})
        query = request.query_params["q"].strip()[:200]
        page_text = request.query_params.get("page", "1")
        if not (page_text.isdigit() and 1 <= int(page_text) <= 10_000):
            raise ValidationError({"page": ["Een paginanummer is een heel getal van 1 tot 10000."]})
        page = int(page_text)
        concepts = request.query_params.getlist("concept")[:10]
        results = search_stories(query, request.user, concepts=concepts, page=page)
        # The page shows no concepts; the API does: one query for all hits, not one per hit.
        prefetch_related_objects([hit.story for hit in results.hits], "concepts")
        context = self.get_serializer_context()
        return Response(
            {
                "query": query,
                "total": results.total,
                "total_capped": results.total_capped,
                "page": results.page,
                "pages": results.pages,
                "suggestion": results.suggestion,
                "results": SearchHitSerializer(results.hits, many=True, context=context).data,
            }
        )

    @extend_schema(
        summary="Write a draft; it is de-identified at once",
        request=DraftSerializer,
        responses={201: OwnStorySerializer},
    )
    def create(self, request):
        draft = DraftSerializer(data=request.data)
        draft.is_valid(raise_exception=True)
        organisation = self._writing_organisation(draft.validated_data.get("organisation"))
        data = draft.validated_data
        story = services.save_draft(
            request.user,
            organisation=organisation,
            title=data.get("title") or " ".join(data["body"].split()[:8]),
            body=data["body"],
            what_helped=data.get("what_helped", ""),
            what_did_not_help=data.get("what_did_not_help", ""),
        )
        return self._as_author(story, status.HTTP_201_CREATED)

    def _writing_organisation(self, organisation_id) -> Organisation:
        allowed = Organisation.objects.filter(
            memberships__user=self.request.user, memberships__role__in=STORY_WRITER_ROLES
        ).distinct()
        if organisation_id is not None:
            allowed = allowed.filter(pk=organisation_id)
        organisations = list(allowed[:2])
        if not organisations:
            raise PermissionDenied("Je kunt geen verhalen schrijven voor deze organisatie.")
        if len(organisations) > 1:
            raise ValidationError({"organisation": ["Kies voor welke organisatie je schrijft."]})
        return organisations[0]

    @extend_schema(
        summary="Share the checked draft at a visibility, with consent",
        request=PublishSerializer,
        responses=OwnStorySerializer,
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None, format=None):
        story = self._own(pk)
        form = PublishSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            services.publish_story(
                request.user,
                story,
                visibility=form.validated_data["visibility"],
                consent_given=form.validated_data["consent"],
                concepts=form.validated_data.get("concepts", []),
            )
        except DjangoValidationError as error:
            raise _django_errors(error) from None
        return self._as_author(story)

    @extend_schema(
        summary="Withdraw: nobody but the author can read it",
        request=None,
        responses=OwnStorySerializer,
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None, format=None):
        story = self._own(pk)
        if story.status == Status.PUBLISHED:
            services.withdraw_story(request.user, story)
        return self._as_author(story)


@csrf_exempt  # a 404 for any method, also a POST without a CSRF token
def not_found(request, *args, **kwargs):
    """Unknown API paths answer in JSON like the rest of the API, not with the HTML page."""
    return JsonResponse({"detail": "Niet gevonden."}, status=404)


class ConceptViewSet(viewsets.ReadOnlyModelViewSet):
    """The shared vocabulary (public)."""

    queryset = Concept.objects.prefetch_related("alt_labels").order_by("scheme", "pref_label")
    serializer_class = ConceptSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9]{1,100}"
    permission_classes = [permissions.AllowAny]
