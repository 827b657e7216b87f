using SegmentSharp.Thresholding.Local;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>The vectorized mean/std kernel against its scalar twin, bit for bit, around the vector width.</summary>
public class LocalKernelTwinTests
{
    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(17)] [InlineData(1000)]
    public void VectorEqualsScalar(int len)
    {
        var rnd = new Random(len);
        foreach (int window in new[] { 3, 15, 101, 3001 })
        {
            double n = (double)window * window;
            var sum = new long[len]; var sq = new long[len];
            for (int i = 0; i < len; i++)
            {
                // Valid window sums: a mix of flat windows (variance exactly 0 or rounding below 0) and random ones.
                int v = rnd.Next(256);
                if (i % 3 == 0) { sum[i] = (long)(v * n); sq[i] = (long)(v * (long)v * n); }
                else { sum[i] = (long)(rnd.NextDouble() * 255 * n); sq[i] = Math.Max((long)(rnd.NextDouble() * 65025 * n), sum[i] * sum[i] / (long)n); }
            }
            var m1 = new double[len]; var s1 = new double[len]; var m2 = new double[len]; var s2 = new double[len];
            MeanStdKernel.Row(sum, sq, n, m1, s1);
            MeanStdKernel.Scalar(sum, sq, n, m2, s2);
            for (int i = 0; i < len; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(m2[i]), BitConverter.DoubleToInt64Bits(m1[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(s2[i]), BitConverter.DoubleToInt64Bits(s1[i]));
            }
        }
    }
}
