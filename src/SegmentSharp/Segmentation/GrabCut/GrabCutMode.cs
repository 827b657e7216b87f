namespace SegmentSharp.Segmentation;

/// <summary>How <see cref="GrabCut.Apply"/> starts, as OpenCV's <c>cv::GrabCutModes</c> (the values are OpenCV's).</summary>
public enum GrabCutMode
{
    /// <summary><c>GC_INIT_WITH_RECT</c>: the mask is rewritten: background outside the rectangle, probable
    /// foreground inside; the models are learned afresh from it.</summary>
    InitWithRect = 0,

    /// <summary><c>GC_INIT_WITH_MASK</c>: the given mask of <see cref="GrabCutClass"/> values seeds the models.</summary>
    InitWithMask = 1,

    /// <summary><c>GC_EVAL</c>: continue from the given mask and models (as returned by an earlier call).</summary>
    Eval = 2,

    /// <summary><c>GC_EVAL_FREEZE_MODEL</c>: one graph cut with the given models, which are neither relearned nor
    /// changed; the iteration count only has to be positive.</summary>
    EvalFreezeModel = 3,
}

/// <summary>Mask values of GrabCut, as OpenCV's <c>cv::GrabCutClasses</c>.</summary>
public enum GrabCutClass : byte
{
    /// <summary><c>GC_BGD</c>: certain background (never changed).</summary>
    Background = 0,
    /// <summary><c>GC_FGD</c>: certain foreground (never changed).</summary>
    Foreground = 1,
    /// <summary><c>GC_PR_BGD</c>: probable background (the cut may change it).</summary>
    ProbableBackground = 2,
    /// <summary><c>GC_PR_FGD</c>: probable foreground (the cut may change it).</summary>
    ProbableForeground = 3,
}
