namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Picks the board profile at build time. Define one of <c>BOARD_DEVKITC</c> (default),
    /// <c>BOARD_WROVER</c> or <c>BOARD_S3</c> (the .nfproj does it per configuration, or pass
    /// <c>-p:NanoSnnBoard=BOARD_S3</c> to msbuild). Only the choice is conditional: every profile
    /// compiles in every build, so a mistake in one that is not selected still fails the build
    /// and the host check (tests/NanoSnn.FirmwareCheck).
    /// </summary>
    public static class BoardSelection
    {
        /// <summary>The profile this firmware was built for.</summary>
        public static BoardConfig Create()
        {
#if BOARD_S3
            return Esp32S3.Create();
#elif BOARD_WROVER
            return Esp32Wrover.Create();
#else
            return Esp32DevKitC.Create();
#endif
        }
    }
}
