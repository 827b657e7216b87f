using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Tests.Codecs;

/// <summary>Tests that write to the console hooks run alone, so that captured output belongs to them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCaptureCollection
{
    public const string Name = "Raster codecs: console capture";
}

/// <summary>A decoder entry point (the codecs take spans, which <see cref="Func{T, TResult}"/> cannot).</summary>
internal delegate Image<byte> Decoder(ReadOnlySpan<byte> data);

/// <summary>Shared checks: hostile input ends in <see cref="ImageFormatException"/> and prints nothing.</summary>
internal static class RasterRobustness
{
    /// <summary>Runs <paramref name="action"/> with stdout and stderr captured and asserts nothing was written.</summary>
    public static void Silently(Action action)
    {
        var outWriter = new StringWriter();
        var errWriter = new StringWriter();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(outWriter);
        Console.SetError(errWriter);
        try { action(); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
        Assert.Equal("", outWriter.ToString());
        Assert.Equal("", errWriter.ToString());
    }

    /// <summary>Decoding either succeeds with a sane image or throws <see cref="ImageFormatException"/>; nothing else.</summary>
    public static void DecodeOrFormatError(Decoder decode, byte[] data, string context)
    {
        try
        {
            var img = decode(data);
            Assert.True(img.Width > 0 && img.Height > 0, context);
        }
        catch (ImageFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), context);
        }
        catch (Exception e)
        {
            Assert.Fail($"{context}: {e.GetType().Name}: {e.Message}");
        }
    }

    public static void MustFail(Decoder decode, byte[] data, string context)
    {
        var e = Record.Exception(() => decode(data));
        Assert.True(e is ImageFormatException, $"{context}: expected ImageFormatException, got {(e == null ? "success" : e.GetType().Name + ": " + e.Message)}");
    }

    /// <summary>Cut offsets: every one for short files, an even spread plus the last bytes for long ones.</summary>
    public static IEnumerable<int> CutPoints(int length)
    {
        if (length <= 400) { for (int i = 0; i < length; i++) yield return i; yield break; }
        for (int i = 0; i < 200; i++) yield return i;
        for (int i = 200; i < length - 64; i += Math.Max(1, (length - 264) / 150)) yield return i;
        for (int i = Math.Max(200, length - 64); i < length; i++) yield return i;
    }

    public static void Truncations(Decoder decode, byte[] file, string context)
    {
        foreach (int cut in CutPoints(file.Length))
            DecodeOrFormatError(decode, file[..cut], $"{context} cut at {cut}");
    }

    public static void Garbage(Decoder decode, byte[] file, int seed, string context)
    {
        var rng = new Random(seed);
        for (int k = 0; k < 60; k++)
        {
            var bad = (byte[])file.Clone();
            int flips = 1 + rng.Next(8);
            for (int i = 0; i < flips; i++) bad[rng.Next(bad.Length)] = (byte)rng.Next(256);
            DecodeOrFormatError(decode, bad, $"{context} corrupted #{k}");
        }
        // Pure noise behind a valid-looking signature.
        var noise = new byte[300];
        rng.NextBytes(noise);
        file.AsSpan(0, Math.Min(4, file.Length)).CopyTo(noise);
        DecodeOrFormatError(decode, noise, $"{context} noise");
    }

    public static Image<byte> Random(int w, int h, int cn, int seed)
    {
        var img = new Image<byte>(w, h, cn);
        new Random(seed).NextBytes(img.Data);
        return img;
    }

    public static Image<byte> Bilevel(int w, int h, int seed)
    {
        var img = Random(w, h, 1, seed);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (byte)(img.Data[i] < 100 ? 0 : 255);
        return img;
    }
}
