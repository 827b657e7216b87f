using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// A short job sized for a small shared CI box (2 cores): 3 warm-up and 10 measured iterations of ~250 ms in one
/// process per case, so the whole suite stays under ~10 minutes. Adds the brief JSON that bench/make_report.py
/// reads (the default exporters already write CSV, HTML and GitHub markdown).
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create(bool addDefaultJob)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Brief)
            .WithOptions(ConfigOptions.JoinSummary);
        if (addDefaultJob)
        {
            config = config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                // Half the default 500 ms: still hundreds of invocations for the fast kernels, half the wall time.
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("Short-2core"));
        }
        return config;
    }
}
