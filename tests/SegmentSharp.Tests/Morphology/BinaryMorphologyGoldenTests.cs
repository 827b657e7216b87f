using SegmentSharp.Codecs;
using SegmentSharp.Components;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Tests.Morphology;

/// <summary>
/// Compares the binary-morphology extras with scikit-image 0.19.3 / SciPy outputs committed under tests/fixtures/morphx
/// (made by make_morphx.py; each PNG packs one result per bit plane, the input in bit 7 of NAME.b.png).
/// </summary>
public class BinaryMorphologyGoldenTests
{
    public static TheoryData<string> Cases => new()
    {
        "coins", "camera", "text", "page", "horse", "random20", "random50", "random80", "blobs", "tiny", "single", "empty", "full",
    };

    private static (Image<byte> A, Image<byte> B) Load(string name)
    {
        string dir = RepoPaths.Fixtures("morphx");
        return (ImageFile.ReadGray(Path.Combine(dir, name + ".png")), ImageFile.ReadGray(Path.Combine(dir, name + ".b.png")));
    }

    private static Image<byte> Plane(Image<byte> packed, int bit)
    {
        var m = new Image<byte>(packed.Width, packed.Height);
        for (int i = 0; i < m.Data.Length; i++) m.Data[i] = (packed.Data[i] >> bit & 1) != 0 ? (byte)255 : (byte)0;
        return m;
    }

    private static void Same(Image<byte> expected, Image<byte> actual, string what)
    {
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);
        int diffs = 0; string? first = null;
        for (int y = 0; y < expected.Height; y++)
            for (int x = 0; x < expected.Width; x++)
                if (expected.Row(y)[x] != actual.Row(y)[x])
                {
                    diffs++;
                    first ??= $"x={x} y={y}: scikit-image {expected.Row(y)[x]}, ours {actual.Row(y)[x]}";
                }
        Assert.True(diffs == 0, $"{what}: {diffs} pixels differ; first at {first}");
    }

    [Theory, MemberData(nameof(Cases))]
    public void MatchesScikitImage(string name)
    {
        var (a, b) = Load(name);
        var src = Plane(b, 7);
        Same(Plane(a, 0), BinaryMorphology.FillHoles(src), $"{name} fill_holes");
        Same(Plane(a, 1), BinaryMorphology.FillHoles(src, Connectivity.Eight), $"{name} fill_holes 3x3");
        Same(Plane(a, 2), BinaryMorphology.RemoveSmallObjects(src, 30, Connectivity.Four), $"{name} remove_small_objects 30/1");
        Same(Plane(a, 3), BinaryMorphology.RemoveSmallObjects(src, 30, Connectivity.Eight), $"{name} remove_small_objects 30/2");
        Same(Plane(a, 4), BinaryMorphology.RemoveSmallHoles(src, 30, Connectivity.Four), $"{name} remove_small_holes 30/1");
        Same(Plane(a, 5), BinaryMorphology.RemoveSmallHoles(src, 30, Connectivity.Eight), $"{name} remove_small_holes 30/2");
        Same(Plane(a, 6), BinaryMorphology.ClearBorder(src), $"{name} clear_border");
        Same(Plane(a, 7), BinaryMorphology.Skeletonize(src), $"{name} skeletonize");
        Same(Plane(b, 1), BinaryMorphology.RemoveSmallObjects(src, 200, Connectivity.Eight), $"{name} remove_small_objects 200/2");
        Same(Plane(b, 2), BinaryMorphology.RemoveSmallHoles(src, 200, Connectivity.Four), $"{name} remove_small_holes 200/1");
        if (Math.Min(src.Width, src.Height) > 3)
            Same(Plane(b, 0), BinaryMorphology.ClearBorder(src, 3), $"{name} clear_border 3");
    }
}
