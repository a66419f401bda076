import { css } from "lit";

export const shiftRegisterStyles = css`
  .diagram { max-width: 480px; margin: 0 auto; }
`;
