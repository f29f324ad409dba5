"""Options and their validation: the one settings schema and project discovery."""
