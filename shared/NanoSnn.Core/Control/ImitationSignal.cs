namespace NanoSnn
{
    /// <summary>
    /// Supervision for learning by imitation: a teacher's commands (a remote control, read by
    /// the board as sample channels like any sensor) become the regression targets of the
    /// network's readouts, every tick the teach switch is on. The targets are the readout values
    /// that the controller's decoder would turn into the teacher's commands, i.e. the decoder
    /// inverted: target_k = (command_k − offset) / gain.
    /// </summary>
    public sealed class ImitationSignal : LearningSignal
    {
        private const int Limit = FixedPoint.StateLimitQ16;

        /// <summary>
        /// Reads <paramref name="commands"/> teacher commands (percent) from sample channel
        /// <paramref name="commandChannel"/> on; supervision is on while sample
        /// <paramref name="teachChannel"/> is nonzero (−1: always). <paramref name="percentPerUnitQ16"/>
        /// and <paramref name="offsetPercent"/> are the decoder's (command = offset + gain·y).
        /// </summary>
        public ImitationSignal(int commandChannel, int commands, int teachChannel, int percentPerUnitQ16, int offsetPercent)
            : base(commands)
        {
            if (commands < 1) throw new ModelException("imitation signal: at least one command is needed");
            if (commandChannel < 0) throw new ModelException("imitation signal: command channel must be >= 0");
            if (teachChannel < -1) throw new ModelException("imitation signal: teach channel must be a channel or -1");
            if (percentPerUnitQ16 == 0) throw new ModelException("imitation signal: the decoder gain must not be 0");
            CommandChannel = commandChannel;
            TeachChannel = teachChannel;
            PercentPerUnitQ16 = percentPerUnitQ16;
            OffsetPercent = offsetPercent;
            Supervises = true;
        }

        /// <summary>Sample channel of the teacher's first command.</summary>
        public readonly int CommandChannel;

        /// <summary>Sample channel of the teach switch, or −1.</summary>
        public readonly int TeachChannel;

        /// <summary>The decoder's gain, Q16 percent per unit of readout.</summary>
        public readonly int PercentPerUnitQ16;

        /// <summary>The decoder's offset, percent.</summary>
        public readonly int OffsetPercent;

        /// <inheritdoc/>
        public override void Evaluate(int[] samples, int[] previousCommandsPercent, long tick)
        {
            TargetValid = TeachChannel < 0 || samples[TeachChannel] != 0;
            int[] target = TargetQ16;
            for (int k = 0; k < target.Length; k++)
            {
                // (command − offset)·2^32 / gain(Q16) is the readout value in Q16.
                long t = (((long)samples[CommandChannel + k] - OffsetPercent) << 32) / PercentPerUnitQ16;
                target[k] = (int)(t > Limit ? Limit : (t < -Limit ? -Limit : t));
            }
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            System.Array.Clear(TargetQ16, 0, TargetQ16.Length);
            TargetValid = false;
        }
    }
}
