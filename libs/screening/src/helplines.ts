export { HELPLINES, type Helpline } from '#libs/contracts';
