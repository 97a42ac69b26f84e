from dispatch_reader.cli import app

app()
