namespace NanoSnn
{
    /// <summary>
    /// What one <see cref="ButtonBase.Update"/> saw, as bit flags (several can happen in one
    /// poll: a release that is also a click). Test with <c>(events &amp; ButtonEvents.Clicked) != 0</c>.
    /// </summary>
    public enum ButtonEvents
    {
        /// <summary>Nothing changed.</summary>
        None = 0,

        /// <summary>The debounced button went down.</summary>
        Pressed = 1,

        /// <summary>The debounced button went up.</summary>
        Released = 2,

        /// <summary>Released before the long-press time: a short press.</summary>
        Clicked = 4,

        /// <summary>Held for the long-press time (reported once per press, while still held).</summary>
        LongPressed = 8
    }
}
