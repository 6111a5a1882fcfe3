"""The digital toolkit: training modules experts take, their progress and certificates."""
