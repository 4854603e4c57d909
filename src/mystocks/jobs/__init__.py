"""Long-running work: the job book, backtests and parameter searches (training), and the
runners that execute them in local processes or on Celery workers."""
