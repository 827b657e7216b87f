using CsCheck;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;
using M = SegmentSharp.Morphology.Morphology;

namespace SegmentSharp.Tests.Morphology;

public class MorphologyPropertyTests
{
    private static readonly BorderType[] Borders = [BorderType.Constant, BorderType.Replicate, BorderType.Reflect, BorderType.Reflect101];

    private static Gen<(Image<byte> Img, StructuringElement El, BorderType Border)> Cases =>
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Int[1, 4], Gen.Int[1, 7], Gen.Int[1, 7], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int)
            .Select(t =>
            {
                var (w, h, cn, kw, kh, shape, b, seed) = t;
                var img = new Image<byte>(w, h, cn);
                new Random(seed).NextBytes(img.Data);
                var el = shape switch
                {
                    0 => StructuringElement.Rectangle(kw, kh),
                    1 => StructuringElement.Cross(kw, kh),
                    2 => StructuringElement.Ellipse(kw, kh),
                    _ => MorphTestData.RandomElement(kw, kh, seed),
                };
                return (img, el, Borders[b]);
            });

    private static Image<byte> Run(MorphOperation op, Image<byte> img, StructuringElement el, BorderType b)
    {
        var d = img.CloneEmpty();
        M.Apply(op, img.ReadOnlyView, d.View, el, -1, -1, 1, b);
        return d;
    }

    [Fact]
    public void ErosionBelowSourceBelowDilationWhenAnchorIsInElement()
    {
        Cases.Sample(c =>
        {
            if (!c.El[c.El.Width / 2, c.El.Height / 2]) return;
            var e = Run(MorphOperation.Erode, c.Img, c.El, c.Border);
            var d = Run(MorphOperation.Dilate, c.Img, c.El, c.Border);
            for (int i = 0; i < c.Img.Data.Length; i++)
                Assert.True(e.Data[i] <= c.Img.Data[i] && c.Img.Data[i] <= d.Data[i]);
        }, iter: 150);
    }

    [Fact]
    public void OpeningAndClosingAreIdempotent()
    {
        // OpenCV's dilation does not reflect the element, so its "opening" is a true (idempotent) opening only for
        // point-symmetric elements: odd-sized, centred rectangles, crosses and ellipses.
        Cases.Sample(c =>
        {
            if (c.El.Width % 2 == 0 || c.El.Height % 2 == 0 || !IsSymmetric(c.El)) return;
            foreach (var op in new[] { MorphOperation.Open, MorphOperation.Close })
            {
                var once = Run(op, c.Img, c.El, BorderType.Constant);
                var twice = Run(op, once, c.El, BorderType.Constant);
                Assert.Equal(once.Data, twice.Data);
            }
        }, iter: 300);
    }

    private static bool IsSymmetric(StructuringElement el)
    {
        for (int y = 0; y < el.Height; y++)
            for (int x = 0; x < el.Width; x++)
                if (el[x, y] != el[el.Width - 1 - x, el.Height - 1 - y]) return false;
        return true;
    }

    [Fact]
    public void ErosionIsDualToDilationOfTheComplement()
    {
        Cases.Sample(c =>
        {
            var inv = c.Img.Clone();
            for (int i = 0; i < inv.Data.Length; i++) inv.Data[i] = (byte)(255 - inv.Data[i]);
            var e = Run(MorphOperation.Erode, c.Img, c.El, c.Border);
            var d = Run(MorphOperation.Dilate, inv, c.El, c.Border);
            for (int i = 0; i < e.Data.Length; i++) Assert.Equal(e.Data[i], 255 - d.Data[i]);
        }, iter: 150);
    }

    [Fact]
    public void IteratedRectangleEqualsRepeatedPasses()
    {
        // OpenCV folds n passes of a rectangle into one bigger rectangle; with a centred odd rectangle that is the same
        // image as n separate passes.
        Gen.Select(Gen.Int[1, 25], Gen.Int[1, 25], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[2, 4], Gen.Int).Sample(t =>
        {
            var (w, h, rx, ry, n, seed) = t;
            var img = new Image<byte>(w, h);
            new Random(seed).NextBytes(img.Data);
            var el = StructuringElement.Rectangle(2 * rx + 1, 2 * ry + 1);
            var folded = img.CloneEmpty();
            M.Erode(img.ReadOnlyView, folded.View, el, iterations: n, border: BorderType.Replicate);
            var step = img.Clone();
            for (int i = 0; i < n; i++) M.Erode(step.ReadOnlyView, step.View, el, border: BorderType.Replicate);
            Assert.Equal(step.Data, folded.Data);
        }, iter: 100);
    }
}
