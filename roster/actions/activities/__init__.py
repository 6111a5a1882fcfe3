"""Actions: their list and page, status changes, activities and documents."""
