namespace NanoSnn
{
    /// <summary>
    /// A network description that cannot be built: a bad size, parameter, connection or
    /// range. The message says which element, which value and what would be valid. Thrown
    /// only while building or loading, never per tick.
    /// </summary>
    public class ModelException : System.Exception
    {
        /// <summary>Creates the exception with a message that names the offending element.</summary>
        public ModelException(string message)
            : base(message)
        {
        }
    }
}
