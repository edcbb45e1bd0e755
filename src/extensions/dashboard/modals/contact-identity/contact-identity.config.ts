export default {
  title: 'Inbox identity',
  width: 600,
  height: 500,
};
