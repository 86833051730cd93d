"""The Textual UI of okrtui: the app, its screens and widgets. The domain lives in okrtui/."""
