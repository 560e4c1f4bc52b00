"""Qt-free core: models, services, validation, settings, migrations, audit."""
