import { css } from "lit";

export const feedbackStyles = css`
  .diagram { max-width: 480px; margin: 0 auto; }
`;
