"""Fuzzing the lessons: generated functions and settings, every scene dry-run, seeded."""
