// The kernel explorer's camera: a live view, then one still frame taken on request. Every
// stream it is given is stopped: a second click while the first request is out asks for
// nothing more, and a stream that arrives after Cancel (or another image) is stopped at once.
import { pictureFrom } from "./picture.js";

const WORDS = {
  NotAllowedError: "the browser was not allowed to use it",
  SecurityError: "this page may not use it",
  NotFoundError: "no camera was found",
  OverconstrainedError: "no camera was found that can send a picture",
  NotReadableError: "another program may be using it",
  AbortError: "it stopped before it sent a picture",
};

/** Why the camera is not available, in words (never the browser's error name). */
export function cameraWords(error) {
  return WORDS[error?.name] || "it could not be started";
}

/**
 * The camera behind `view` (holding `video` and the `take` button). `onPicture(picture)` gets
 * the grey frame (picture.js pictureFrom, at most `longest` a side), `onProblem(words)` what
 * went wrong. Returns { open, take, close }.
 */
export function camera({ view, video, take, longest, onPicture, onProblem }) {
  let stream = null;
  let asking = false;
  const stopAll = (s) => s?.getTracks().forEach((track) => track.stop());
  const close = () => {
    asking = false;
    stopAll(stream);
    stream = null;
    video.srcObject = null;
    view.hidden = true;
  };
  async function open() {
    if (asking || stream) return; // already asked, or already open
    asking = true;
    let given;
    try {
      given = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    } catch (error) {
      asking = false;
      onProblem(`The camera is not available: ${cameraWords(error)}.`);
      return;
    }
    if (!asking) return stopAll(given); // closed while asking
    asking = false;
    stream = given;
    video.srcObject = stream;
    view.hidden = false;
    await video.play().catch(() => {});
    take.focus();
  }
  function takePicture() {
    if (video.readyState < 2 || !video.videoWidth) {
      onProblem("The camera has not sent a picture yet; try again in a moment.");
      return;
    }
    const picture = pictureFrom(video, video.videoHeight, video.videoWidth, longest);
    close();
    onPicture(picture);
  }
  return { open, take: takePicture, close };
}
