using CsCheck;
using SegmentSharp.Models;

namespace SegmentSharp.Tests.Models;

public class LinearResizeTests
{
    [Fact]
    public void VectorVerticalPassMatchesScalarReference()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 2048], Gen.Int)
            .Sample((width, b0, seed) =>
            {
                var rnd = new Random(seed);
                var s0 = new int[width];
                var s1 = new int[width];
                for (int i = 0; i < width; i++)
                {
                    // Horizontal-pass values: two pixels weighted by taps summing to 2048.
                    int a = rnd.Next(2049);
                    s0[i] = rnd.Next(256) * a + rnd.Next(256) * (2048 - a);
                    s1[i] = rnd.Next(256) * 2048;
                }
                var fast = new byte[width];
                var slow = new byte[width];
                LinearResize.VerticalPass(s0, s1, (short)b0, (short)(2048 - b0), fast);
                LinearResize.VerticalScalar(s0, s1, (short)b0, (short)(2048 - b0), slow, 0);
                Assert.Equal(slow, fast);
            }, iter: 500);
    }
}
