using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is listed; pick with --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
