/** The live picture of the camera, fitted into the stage; `onVideo` gets the element frames are taken from. */
export function CameraPreview({ stream, onVideo }: { stream: MediaStream; onVideo: (video: HTMLVideoElement | null) => void }) {
  return (
    <video
      ref={(video) => {
        if (video && video.srcObject !== stream) video.srcObject = stream;
        onVideo(video);
      }}
      className="camera-video"
      autoPlay
      muted
      playsInline
      data-testid="camera-preview"
    />
  );
}
