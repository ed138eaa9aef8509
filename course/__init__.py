"""The course build: render every clip of a course for the web, with posters, captions, a
manifest and a gallery page. ``lessons`` (see :mod:`course.cli`) is its command."""
