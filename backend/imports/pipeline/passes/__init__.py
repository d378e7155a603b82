"""The two passes over an import file: `check` (read all, write nothing) then `apply`.

`keys` gives SKU keys as the database compares them; `chunks` cuts the records of the
apply pass into chunks of valid rows and problems.
"""
