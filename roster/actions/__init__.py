"""Partner requests, Actions, activities and assignments."""
