const apiConfig = () => ({
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
});

export default apiConfig;
