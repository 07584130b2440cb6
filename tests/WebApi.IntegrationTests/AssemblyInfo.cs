// Each fixture class boots its own host over its own data folder, so fixtures can run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
