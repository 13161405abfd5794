import hashlib
from functools import cached_property

from django.conf import settings
from django.core.paginator import Paginator
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from wijkennis.core.generations import cached


class StrictPageNumberPagination(PageNumberPagination):
    """`page` must be a whole number from 1 (the schema says so); anything else is a 400."""

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value is not None and not (value.isdigit() and int(value) >= 1):
            raise ValidationError({"page": ["Een paginanummer is een heel getal vanaf 1."]})
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters


class SearchIndexCountPaginator(Paginator):
    """Counts a list of published stories once per state of the search index: counting every
    story a reader may read took 82 ms of SQL at a million stories (docs/BENCHMARKS.md), on
    every page. The count is kept under the query itself (it holds the reader's readership), in
    the "search" generation that every publication, withdrawal and erasure moves."""

    @cached_property
    def count(self) -> int:
        sql, params = self.object_list.query.sql_with_params()
        name = "api:count:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        return cached(
            "search", self.object_list.count, settings.WIJKENNIS_SEARCH_CACHE_SECONDS, name
        )


class PublishedStoryPagination(StrictPageNumberPagination):
    django_paginator_class = SearchIndexCountPaginator
