"""An upload handler that keeps the Taalbrug's file in memory and never writes it to disk.

Django writes uploads over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file; a letter someone
checks must not land on disk, not even for a moment. Only the form's file field is taken, and
bytes past the limit are counted, not kept: the form then refuses the file by its size.
"""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from .extract import MAX_UPLOAD_BYTES

FIELD = "upload"


class InMemoryUploadHandler(FileUploadHandler):
    def new_file(self, field_name, *args, **kwargs):
        if field_name != FIELD:
            raise SkipFile
        super().new_file(field_name, *args, **kwargs)
        self.buffer = io.BytesIO()
        self.size = 0

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.buffer.tell() <= MAX_UPLOAD_BYTES:
            self.buffer.write(raw_data)
        return None  # consumed: no other handler sees the data

    def file_complete(self, file_size):
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
