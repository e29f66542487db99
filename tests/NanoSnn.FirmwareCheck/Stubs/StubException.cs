namespace NanoSnn.FirmwareCheck.Stubs
{
    /// <summary>Thrown by every stub body: the stubs exist to compile against, never to run.</summary>
    internal sealed class StubException : System.Exception
    {
        public StubException() : base("compile-only stub of a nanoFramework API") { }
    }
}
