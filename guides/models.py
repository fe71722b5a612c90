# Guides, categories and providers arrive with the guides issue.
