namespace SegmentSharp.Morphology;

/// <summary>Morphological operations; the values equal OpenCV's <c>MORPH_*</c> codes for <c>cv::morphologyEx</c>.</summary>
public enum MorphOperation
{
    /// <summary>Minimum over the element (<c>MORPH_ERODE</c>).</summary>
    Erode = 0,
    /// <summary>Maximum over the element (<c>MORPH_DILATE</c>).</summary>
    Dilate = 1,
    /// <summary>Erode then dilate (<c>MORPH_OPEN</c>): removes bright details smaller than the element.</summary>
    Open = 2,
    /// <summary>Dilate then erode (<c>MORPH_CLOSE</c>): fills dark details smaller than the element.</summary>
    Close = 3,
    /// <summary>Dilation minus erosion, saturated at 0 (<c>MORPH_GRADIENT</c>).</summary>
    Gradient = 4,
    /// <summary>Source minus its opening, saturated (<c>MORPH_TOPHAT</c>, white top-hat).</summary>
    TopHat = 5,
    /// <summary>Closing minus source, saturated (<c>MORPH_BLACKHAT</c>).</summary>
    BlackHat = 6,
    /// <summary>Hit-or-miss transform on 8-bit single-channel images (<c>MORPH_HITMISS</c>).</summary>
    HitMiss = 7,
}
