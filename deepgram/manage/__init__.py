"""The classic flat Manage API (`client.manage.get_keys(...)`), sync and async."""
