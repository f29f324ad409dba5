"""Writing new designs and starter sites from templates."""
