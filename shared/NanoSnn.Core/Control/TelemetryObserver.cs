namespace NanoSnn
{
    /// <summary>
    /// Records every controller tick as telemetry: the observe phase writes what the tick used
    /// (input spikes, the reward and supervision delivered before the step, the sensor samples
    /// and the commands; the writer adds which rules were enabled, i.e. whether
    /// <see cref="Controller.Learning"/> was on) through a <see cref="TelemetryWriter"/>, so that <c>nanosnn verify</c>
    /// can replay a device run and <c>nanosnn monitor</c> can show it. Allocates nothing per tick.
    /// </summary>
    public sealed class TelemetryObserver : IControllerObserver
    {
        /// <summary>
        /// Creates a writer for <paramref name="controller"/>'s network sending to
        /// <paramref name="sink"/>, recording all its sensor channels and commands (and the
        /// learning signal's targets when it supervises), and begins the stream.
        /// <paramref name="options"/> may be null (defaults); its channel counts are set here.
        /// </summary>
        public TelemetryObserver(Controller controller, ITelemetrySink sink, TelemetryOptions options)
        {
            if (controller == null) throw new ModelException("telemetry observer: controller is required");
            Writer = new TelemetryWriter(controller.Network, OptionsFor(controller, options), sink);
            Writer.Begin();
        }

        /// <summary>
        /// <paramref name="options"/> (or new defaults when null) with the channel counts of
        /// <paramref name="controller"/>: what the observer records. Use it to size a sink's
        /// buffers with <see cref="TelemetryWriter.RequiredBufferBytes"/> before creating the observer.
        /// </summary>
        public static TelemetryOptions OptionsFor(Controller controller, TelemetryOptions options)
        {
            TelemetryOptions o = options == null ? new TelemetryOptions() : options;
            o.SensorChannels = controller.Samples.Length;
            o.OutputChannels = controller.Commands.Length;
            o.TargetChannels = controller.Signal != null && controller.Signal.Supervises ? controller.Signal.TargetQ16.Length : 0;
            return o;
        }

        /// <summary>The writer (frames and bytes written, flush and finish).</summary>
        public readonly TelemetryWriter Writer;

        /// <inheritdoc/>
        public void AfterTick(Controller controller)
        {
            if (controller.DeliveredSupervision)
            {
                LearningSignal s = controller.Signal;
                Writer.RecordSupervisedTick(controller.Spikes, controller.SpikeCount, controller.DeliveredRewardQ16,
                    s.TargetQ16, s.TargetClass, s.TargetValid, controller.Samples, controller.Commands);
            }
            else
            {
                Writer.RecordTick(controller.Spikes, controller.SpikeCount, controller.DeliveredRewardQ16, controller.Samples, controller.Commands);
            }
        }
    }
}
