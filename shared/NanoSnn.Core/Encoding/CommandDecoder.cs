namespace NanoSnn
{
    /// <summary>
    /// Turns the network's state after a step into actuator commands (signed percent,
    /// −100..100): the decode phase of the tick. Allocates nothing in <see cref="Decode"/>.
    /// </summary>
    public abstract class CommandDecoder
    {
        /// <summary>Sets the number of commands.</summary>
        protected CommandDecoder(int commands)
        {
            if (commands <= 0) throw new System.ArgumentException("a decoder needs at least one command, not " + commands);
            Commands = commands;
        }

        /// <summary>Number of commands written by <see cref="Decode"/>.</summary>
        public readonly int Commands;

        /// <summary>Writes <see cref="Commands"/> commands to <paramref name="commandsPercent"/>.</summary>
        public abstract void Decode(int[] commandsPercent);

        /// <summary>Returns the decoder to its freshly built state.</summary>
        public abstract void Reset();
    }
}
