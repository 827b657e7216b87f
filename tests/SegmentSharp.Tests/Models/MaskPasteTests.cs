using System.Text.Json;
using SegmentSharp.Models;

namespace SegmentSharp.Tests.Models;

public class MaskPasteTests
{
    [Fact]
    public void MatchesTorchvisionRestatement()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures("coco"), "paste_golden.json")));
        int n = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int m = c.GetProperty("m").GetInt32(), h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
            float[] box = c.GetProperty("box").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            float[] mask = c.GetProperty("mask").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            float[] expected = c.GetProperty("pasted").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            long[] eb = c.GetProperty("expanded").EnumerateArray().Select(e => e.GetInt64()).ToArray();

            var b = MaskPaste.ExpandedBox(box[0], box[1], box[2], box[3], m);
            Assert.Equal(eb, new[] { b.X0, b.Y0, b.X1, b.Y1 });
            var probs = MaskPaste.PasteProbabilities(mask, m, box[0], box[1], box[2], box[3], w, h);
            Assert.Equal(expected, probs.Data);
            var binary = MaskPaste.Paste(mask, m, box[0], box[1], box[2], box[3], w, h);
            Assert.Equal(expected.Select(v => v > 0.5f ? (byte)255 : (byte)0).ToArray(), binary.Data);
            n++;
        }
        Assert.Equal(5, n);
    }

    [Fact]
    public void ConstantMaskFillsTheBoxAndFadesAtItsBorder()
    {
        // 2x2 ones, box [0,0,4,4]: padded 4x4 with scale 2 → box [-2,-2,6,6], 9x9 output of a 4-cell grid.
        float[] ones = [1, 1, 1, 1];
        Assert.Equal((-2L, -2L, 6L, 6L), MaskPaste.ExpandedBox(0, 0, 4, 4, 2));
        var p = MaskPaste.PasteProbabilities(ones, 2, 0, 0, 4, 4, 8, 8);
        // Output column 4 of 9 samples the grid at 4/9·4.5 − 0.5 = 1.5: between two ones → 1.
        Assert.Equal(1f, p.Data[2 * 8 + 2]);
        // Output column 0 (image -2) is off the image; column 2 (image x=0) samples 4/9·2.5 − 0.5 = 0.611 → 0.611.
        Assert.Equal(4f / 9f * 2.5f - 0.5f, p.Data[2 * 8 + 0], 5);
        Assert.Equal(0f, p.Data[7 * 8 + 7]);
    }
}
