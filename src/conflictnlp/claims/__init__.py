"""Claims: what is asserted to have happened, by whom, with stance and hedges."""
