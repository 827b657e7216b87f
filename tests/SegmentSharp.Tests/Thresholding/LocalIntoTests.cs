using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// The <c>dst</c> overloads of the window-sum, min/max and median methods: into a caller's mask (pre-filled with garbage, with a
/// stride of its own) and in place over the source, they give the allocating overload's mask, which the fast-path tests
/// tie to the reference.
/// </summary>
public class LocalIntoTests
{
    private static readonly string[] Methods =
        ["niblack", "sauvola", "wolf", "nick", "bradley", "phansalkar", "bernsen", "contrast", "midgrey", "median"];

    private static Image<byte> Allocating(string method, ReadOnlyImageView<byte> src, int window) => method switch
    {
        "niblack" => Local.Niblack(src, window, 0.3),
        "sauvola" => Local.Sauvola(src, window, 0.25, 100),
        "wolf" => Local.Wolf(src, window, 0.4),
        "nick" => Local.Nick(src, window, -0.15),
        "bradley" => Local.Bradley(src, window, 0.1),
        "phansalkar" => Local.Phansalkar(src, window, 0.3, 0.4, 1.5, 8),
        "bernsen" => Local.Bernsen(src, window, 20),
        "contrast" => Local.Contrast(src, window),
        "midgrey" => Local.MidGrey(src, window, 3),
        "median" => Local.Median(src, window, 3),
        _ => throw new ArgumentException(method),
    };

    private static void Into(string method, ReadOnlyImageView<byte> src, ImageView<byte> dst, int window)
    {
        switch (method)
        {
            case "niblack": Local.Niblack(src, dst, window, 0.3); break;
            case "sauvola": Local.Sauvola(src, dst, window, 0.25, 100); break;
            case "wolf": Local.Wolf(src, dst, window, 0.4); break;
            case "nick": Local.Nick(src, dst, window, -0.15); break;
            case "bradley": Local.Bradley(src, dst, window, 0.1); break;
            case "phansalkar": Local.Phansalkar(src, dst, window, 0.3, 0.4, 1.5, 8); break;
            case "bernsen": Local.Bernsen(src, dst, window, 20); break;
            case "contrast": Local.Contrast(src, dst, window); break;
            case "midgrey": Local.MidGrey(src, dst, window, 3); break;
            case "median": Local.Median(src, dst, window, 3); break;
            default: throw new ArgumentException(method);
        }
    }

    public static TheoryData<string> MethodNames() => [.. Methods];

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void IntoACallersMaskAndInPlaceEqualsTheAllocatingOverload(string method)
    {
        int cases = 0;
        foreach (var (w, h) in new[] { (1, 1), (1, 9), (9, 1), (17, 5), (33, 21), (130, 70) })
            foreach (int window in new[] { 3, 15, 101, 301 })
                foreach (string kind in new[] { "random", "smooth", "levels", "255" })
                {
                    int stride = w + 2;
                    var data = LocalFastPathTests.Make(w, h, stride, kind, w * 31 + h * 7 + window);
                    var src = new ReadOnlyImageView<byte>(data, w, h, 1, stride);
                    var expected = Allocating(method, src, window);

                    int dstStride = w + 5;
                    var dstData = new byte[(h - 1) * dstStride + w];
                    new Random(window).NextBytes(dstData);
                    Into(method, src, new ImageView<byte>(dstData, w, h, 1, dstStride), window);
                    for (int y = 0; y < h; y++)
                        Assert.True(expected.Row(y).SequenceEqual(dstData.AsSpan(y * dstStride, w)),
                            $"{method} {w}x{h} {kind} window {window}: row {y} differs");

                    // In place: the mask overwrites its own source.
                    var inPlace = (byte[])data.Clone();
                    Into(method, new ReadOnlyImageView<byte>(inPlace, w, h, 1, stride), new ImageView<byte>(inPlace, w, h, 1, stride), window);
                    for (int y = 0; y < h; y++)
                        Assert.True(expected.Row(y).SequenceEqual(inPlace.AsSpan(y * stride, w)),
                            $"{method} in place {w}x{h} {kind} window {window}: row {y} differs");
                    cases++;
                }
        Assert.Equal(96, cases);
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void RejectsADestinationOfAnotherSizeOrABadWindow(string method)
    {
        var src = new Image<byte>(10, 8);
        var wrong = new Image<byte>(10, 9);
        var ex = Assert.Throws<ArgumentException>(() => Into(method, src, wrong, 15));
        Assert.Contains("Destination", ex.Message);
        var right = new Image<byte>(10, 8);
        Assert.Throws<ArgumentException>(() => Into(method, src, right, 4));
        Assert.Throws<ArgumentException>(() => Into(method, new Image<byte>(10, 8, 3), new Image<byte>(10, 8, 3), 15));
    }
}
