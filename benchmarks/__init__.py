"""`make bench`: scenarios that print figures. They measure; they never assert a timing."""
