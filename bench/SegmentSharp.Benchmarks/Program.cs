using BenchmarkDotNet.Running;
using SegmentSharp.Benchmarks;

// Modes besides the BenchmarkDotNet switcher:
//   --generate-data   create/refresh bench/data (12 MP PNG + JPEG, 37 MP PNG) and bench/data/codec-sizes.json
//   --memory [side] [window]   peak managed heap / working set of Sauvola on a side × side scan (default 20000, 25)
//   --pipeline-alloc           bytes allocated per step of the seed 004 pipeline on a warm run
//   --local-quick [name]       stopwatch timing of the local methods vs adaptiveThreshold mean (iteration aid)
if (args.Length > 0 && args[0] == "--memory") return LocalProbe.Memory(args);
if (args.Length > 0 && args[0] == "--pipeline-alloc") return PipelineAllocProbe.Run();
if (args.Length > 0 && args[0] == "--local-quick") return LocalProbe.Quick(args);
if (args.Length > 0 && args[0] == "--local-parts") return LocalProbe.Parts(args);
if (args.Length > 0 && args[0] == "--local-edge-parts") return LocalProbe.EdgeParts(args);
if (args.Length > 0 && args[0] == "--generate-data")
{
    BenchData.Ensure(Console.Out);
    BenchData.WriteCodecFacts(Console.Out);
    return 0;
}

// A job given on the command line (e.g. --job Dry) replaces the default short job instead of adding to it.
bool jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
BenchData.Ensure(Console.Out);
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, BenchConfig.Create(addDefaultJob: !jobOnCommandLine));
return 0;
