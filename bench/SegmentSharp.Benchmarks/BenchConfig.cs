using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// A short job sized for a small shared CI box (2 cores): 3 warm-up and 10 measured iterations in one
/// process per case, so the whole suite stays under ~10 minutes. Exports the brief JSON the report
/// generator reads and GitHub markdown for humans.
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create(bool addDefaultJob)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Brief, MarkdownExporter.GitHub)
            .WithOptions(ConfigOptions.JoinSummary);
        if (addDefaultJob)
        {
            config = config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithId("Short-2core"));
        }
        return config;
    }
}
