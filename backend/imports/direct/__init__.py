"""Direct uploads: the client sends a file straight to the bucket in parts (presigned PUTs),
resumes after an interruption (the store lists the parts it holds), and completing the upload
stages an import of the stored object exactly as `stageImport` stages an uploaded file.

    store.py     the S3 calls (multipart upload, presigned part URLs, ListParts, HEAD, abort)
    services.py  create, part URLs, uploaded parts, complete, abort, and the sweeper's abort
                 of uploads abandoned past UPLOAD_ABANDON_HOURS
"""
