"""OpenAPI post-processing: every operation documents the errors it can answer with."""

ERROR_RESPONSES = {
    "400": "The request is not valid; the body says which field and why.",
    "401": "No or an unknown token.",
    "403": "Not allowed for this account.",
    "404": "Does not exist, or you may not see it.",
    "406": "The requested format is not available.",
    "415": "The body's content type is not supported.",
}
ERROR_SCHEMA = {"type": "object", "additionalProperties": True}


def document_errors(result, generator, request, public):
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERROR_RESPONSES.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": ERROR_SCHEMA}},
                    },
                )
    return result
