"""HR: departments, positions, employees, salaries, recruitment and trainings."""
