"""The object model: each module holds a resource's types, its endpoints and its collection."""
