using System.Runtime.InteropServices;
using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>Inputs and output comparisons shared by the wave-2 benchmarks (binary masks, label images).</summary>
internal static class BenchMasks
{
    /// <summary>
    /// The 12 MP page binarized with Otsu and inverted, so the text is the 255 foreground that morphology and
    /// labelling act on. Made by OpenCV so the input does not depend on the code being measured.
    /// </summary>
    public static (Mat Mat, Image<byte> Image) LoadDoc12InkMask()
    {
        var (gray, _) = BenchData.LoadDoc12();
        using (gray)
        {
            var mask = new Mat(gray.Size(), MatType.CV_8UC1);
            Cv2.Threshold(gray, mask, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
            return (mask, BenchData.ToImage(mask));
        }
    }

    /// <summary>True when a CV_32S label matrix and our label image hold the same labels.</summary>
    public static bool SameLabels(Mat mat, Image<int> labels)
    {
        int rows = mat.Rows, cols = mat.Cols;
        if (rows != labels.Height || cols != labels.Width || mat.Type() != MatType.CV_32SC1) return false;
        var row = new int[cols];
        for (int y = 0; y < rows; y++)
        {
            Marshal.Copy(mat.Ptr(y), row, 0, cols);
            if (!row.AsSpan().SequenceEqual(labels.Row(y))) return false;
        }
        return true;
    }
}
